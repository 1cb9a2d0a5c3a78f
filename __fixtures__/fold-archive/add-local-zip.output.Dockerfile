# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=bind,source=vendor.zip,target=/tmp/vendor.zip \
    unzip -q /tmp/vendor.zip -d /opt/vendor
