FROM debian:bookworm
RUN mkdir /data && \
    { ls /data | grep -q x || echo none > /data/none; }
