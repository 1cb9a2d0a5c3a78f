FROM opensuse/leap:15.5
RUN zypper -n in --no-recommends curl && zypper clean
