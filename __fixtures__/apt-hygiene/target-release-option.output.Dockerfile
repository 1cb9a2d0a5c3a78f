FROM debian:bookworm
RUN apt-get update && apt-get -t bookworm-backports install --no-install-recommends -y golang && rm -rf /var/lib/apt/lists/*
