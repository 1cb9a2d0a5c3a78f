# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=bind,source=app.tgz,target=/tmp/app.tgz \
    mkdir -p /tmp/build && tar -xzf /tmp/app.tgz -C /tmp/build && make -C /tmp/build install \
    && rm -rf /tmp/build
