FROM debian:bookworm
RUN env DEBIAN_FRONTEND=noninteractive apt-get update && env DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y jq && rm -rf /var/lib/apt/lists/*
