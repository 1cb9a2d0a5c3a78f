FROM debian:bookworm
RUN apt-get update && for p in make gcc; do apt-get install --no-install-recommends -y "$p"; done && rm -rf /var/lib/apt/lists/*
