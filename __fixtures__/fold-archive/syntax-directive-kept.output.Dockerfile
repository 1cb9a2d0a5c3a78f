# syntax=docker/dockerfile:1.7
FROM debian:bookworm
RUN --mount=type=bind,source=app.tgz,target=/tmp/app.tgz \
    tar -xzf /tmp/app.tgz -C /opt
