FROM debian:bookworm
RUN mkdir /data
RUN ls /data | grep -q x || echo none > /data/none
