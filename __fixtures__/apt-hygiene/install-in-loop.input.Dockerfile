FROM debian:bookworm
RUN apt-get update && for p in make gcc; do apt-get install -y "$p"; done
