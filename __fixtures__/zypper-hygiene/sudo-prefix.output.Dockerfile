FROM opensuse/leap:15.5
USER app
RUN sudo zypper -n in --no-recommends curl && sudo zypper clean -a
