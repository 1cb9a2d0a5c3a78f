FROM opensuse/leap:15.6
RUN zypper --non-interactive install --no-recommends curl && zypper clean -a
