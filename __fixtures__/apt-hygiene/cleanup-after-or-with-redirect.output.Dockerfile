FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates || echo failed >> /tmp/apt.log && rm -rf /var/lib/apt/lists/*
