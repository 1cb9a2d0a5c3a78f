FROM debian:bookworm
RUN set -x && mkdir /a
RUN set -x && ls /a
