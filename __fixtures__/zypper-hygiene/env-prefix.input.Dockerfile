FROM opensuse/leap:15.5
RUN LANG=C zypper in curl
