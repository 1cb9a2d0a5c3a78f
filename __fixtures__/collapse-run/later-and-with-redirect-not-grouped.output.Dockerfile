FROM debian:bookworm
RUN mkdir /data && \
    touch /data/a && echo ready > /data/state
