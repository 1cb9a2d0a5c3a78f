FROM opensuse/leap:15.5
RUN zypper in --no-recommends -y curl && zypper clean -a
