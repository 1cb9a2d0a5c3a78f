FROM debian:bookworm
USER dev
RUN sudo apt-get update && sudo apt-get install --no-install-recommends -y jq && sudo rm -rf /var/lib/apt/lists/*
