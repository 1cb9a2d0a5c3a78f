FROM debian:bookworm
RUN (FOO=bar) && \
    echo "$FOO"
