FROM opensuse/leap:15.5
RUN zypper ref; zypper in -y curl; curl --version
