FROM debian:bookworm
RUN apt-get update && sudo apt-get install --no-install-recommends -y jq && rm -rf /var/lib/apt/lists/*
