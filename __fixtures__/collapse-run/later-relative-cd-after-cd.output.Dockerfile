FROM debian:bookworm
RUN (cd /usr/src) && \
    cd app && make
