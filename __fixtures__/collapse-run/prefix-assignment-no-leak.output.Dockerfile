FROM debian:bookworm
RUN DEBIAN_FRONTEND=noninteractive echo one && \
    echo two
