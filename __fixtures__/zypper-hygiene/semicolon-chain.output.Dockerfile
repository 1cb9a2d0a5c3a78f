FROM opensuse/leap:15.5
RUN zypper ref; zypper in --no-recommends -y curl; curl --version && zypper clean -a
