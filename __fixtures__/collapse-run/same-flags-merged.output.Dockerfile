FROM debian:bookworm
RUN --network=none echo one && \
    echo two
