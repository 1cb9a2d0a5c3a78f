# syntax=docker/dockerfile:1
FROM debian:bookworm
ENV APP_HOME=/opt/app
WORKDIR /opt
RUN --mount=type=bind,source=app.tgz,target=/tmp/app.tgz \
    tar -xzf /tmp/app.tgz
