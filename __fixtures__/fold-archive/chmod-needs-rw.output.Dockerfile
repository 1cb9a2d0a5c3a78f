# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=bind,source=install.sh,target=/tmp/install.sh,rw \
    chmod +x /tmp/install.sh && /tmp/install.sh
