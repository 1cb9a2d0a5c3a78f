FROM opensuse/leap:15.5
RUN zypper -n install --no-recommends \
      # fetch
      curl \
      # vcs
      git && \
      zypper clean -a
