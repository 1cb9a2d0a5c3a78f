FROM debian:bookworm
RUN apt-get update && \
    apt-get install --no-install-recommends -y \
        # build tools
        build-essential \
        # for the docs
        pandoc && \
    rm -rf /var/lib/apt/lists/*
