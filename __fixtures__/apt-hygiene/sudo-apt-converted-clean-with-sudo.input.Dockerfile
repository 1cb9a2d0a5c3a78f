FROM debian:bookworm
USER dev
RUN sudo apt update && sudo apt install -y jq
