FROM opensuse/leap:15.5
RUN zypper -n in --recommends curl && zypper clean -a
