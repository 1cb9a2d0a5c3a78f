FROM opensuse/leap:15.5
RUN LANG=C zypper -n in --no-recommends curl && zypper clean -a
