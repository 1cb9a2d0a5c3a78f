# syntax=docker/dockerfile:1
FROM fedora:40
RUN --mount=type=cache,target=/var/cache/dnf,sharing=locked \
    --mount=type=cache,target=/var/cache/libdnf5,sharing=locked \
    dnf install -y gcc make
