FROM opensuse/leap:15.5
RUN zypper refresh && zypper install --no-recommends -y curl && zypper clean -a
