FROM debian:bookworm
RUN (cd /tmp && touch x)
RUN ls /tmp/x
