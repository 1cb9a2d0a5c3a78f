# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN echo before
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
RUN echo after && \
    echo last
