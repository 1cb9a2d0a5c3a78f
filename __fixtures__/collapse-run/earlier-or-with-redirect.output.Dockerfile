FROM debian:bookworm
RUN test -d /data || mkdir /data > /dev/null 2>&1 && \
    touch /data/x
