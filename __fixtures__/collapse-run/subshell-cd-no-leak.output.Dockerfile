FROM debian:bookworm
RUN (cd /tmp && touch x) && \
    ls /tmp/x
