FROM ubuntu:22.04
USER app
RUN sudo apt-get update && sudo apt-get install --no-install-recommends -y make && sudo rm -rf /var/lib/apt/lists/*
