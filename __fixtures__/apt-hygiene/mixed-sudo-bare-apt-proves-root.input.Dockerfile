FROM debian:bookworm
RUN apt-get update && sudo apt-get install -y jq
