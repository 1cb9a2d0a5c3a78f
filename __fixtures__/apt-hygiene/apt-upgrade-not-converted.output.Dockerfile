FROM ubuntu:22.04
RUN apt-get update && apt upgrade -y && rm -rf /var/lib/apt/lists/*
