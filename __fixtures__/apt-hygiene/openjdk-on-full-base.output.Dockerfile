FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y openjdk-17-jre-headless && rm -rf /var/lib/apt/lists/*
