FROM opensuse/leap:15.5
RUN zypper -n install \
      # fetch
      curl \
      # vcs
      git
