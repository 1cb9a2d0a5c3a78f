FROM opensuse/leap:15.5
RUN zypper -n install --no-recommends curl && zypper clean -a
