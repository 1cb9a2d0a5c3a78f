# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt \
    apt-get update && apt-get install --no-install-recommends -y gcc
RUN --network=none make && \
    make test
RUN --security=insecure mount -t tmpfs none /mnt
RUN echo plain
