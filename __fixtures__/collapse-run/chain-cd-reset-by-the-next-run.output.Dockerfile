FROM debian:bookworm
RUN cd /tmp && make && \
    cd /app && make && \
    cd /app && ls
