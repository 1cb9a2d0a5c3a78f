# expect-none
FROM debian:bookworm AS build
# hadolint ignore=DL3003
RUN cd /src && make
FROM scratch
