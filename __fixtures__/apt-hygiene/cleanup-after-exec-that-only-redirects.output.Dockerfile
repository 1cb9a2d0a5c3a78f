FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates && exec 2>/dev/null && echo ok && rm -rf /var/lib/apt/lists/*
