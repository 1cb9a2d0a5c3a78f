FROM debian:bookworm
RUN set -x && mkdir /a && \
    set -x && ls /a
