FROM opensuse/leap:15.5
RUN yes | zypper in --no-recommends curl && zypper clean -a
