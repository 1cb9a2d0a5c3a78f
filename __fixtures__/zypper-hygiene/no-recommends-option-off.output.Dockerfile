FROM opensuse/leap:15.5
RUN zypper -n in curl && zypper clean -a
