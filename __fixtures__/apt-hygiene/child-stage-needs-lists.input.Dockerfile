# expect: package lists not removed: a later RUN
FROM debian:bookworm AS base
RUN apt-get update && apt-get install -y --no-install-recommends make
FROM base AS build
RUN apt-get install -y --no-install-recommends gcc
