FROM debian:bookworm
RUN (cd /tmp && make) && \
    (cd /app && export MODE=release && make) && \
    ls
