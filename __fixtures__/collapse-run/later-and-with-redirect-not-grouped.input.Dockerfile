FROM debian:bookworm
RUN mkdir /data
RUN touch /data/a && echo ready > /data/state
