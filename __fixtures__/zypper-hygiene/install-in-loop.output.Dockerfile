FROM opensuse/leap:15.5
RUN for p in curl git; do zypper -n in --no-recommends "$p"; done && zypper clean -a
