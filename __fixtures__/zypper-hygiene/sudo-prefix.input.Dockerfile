FROM opensuse/leap:15.5
USER app
RUN sudo zypper in curl
