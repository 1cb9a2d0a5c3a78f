FROM debian:bookworm
RUN (test -d /opt || exit 0) && \
    echo two
