FROM opensuse/leap:15.5
RUN yes | zypper in curl
