FROM opensuse/leap:15.5
RUN --mount=type=cache,target=/var/cache/zypp zypper -n in --no-recommends curl
