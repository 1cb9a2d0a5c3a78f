FROM opensuse/leap:15.5
RUN zypper -n dup --no-recommends && zypper clean -a
