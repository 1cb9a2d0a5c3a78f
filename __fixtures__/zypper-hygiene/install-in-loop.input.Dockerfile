FROM opensuse/leap:15.5
RUN for p in curl git; do zypper -n in "$p"; done
