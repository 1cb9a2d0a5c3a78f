# syntax=docker/dockerfile:1
FROM debian:bookworm
WORKDIR /build
RUN --mount=type=bind,source=app.tgz,target=/build/app.tgz \
    tar -xzf app.tgz
