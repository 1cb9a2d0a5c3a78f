FROM debian:bookworm-slim
USER dev
RUN sudo mkdir -p /usr/share/man/man1 && sudo apt-get update && sudo apt-get install --no-install-recommends -y openjdk-17-jre-headless && sudo rm -rf /var/lib/apt/lists/*
