FROM debian:bookworm
RUN cd /usr/src
RUN cd app && make
