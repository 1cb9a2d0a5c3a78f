FROM debian:bookworm
USER root
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl
RUN sudo rm -rf /var/lib/apt/lists/*
