FROM debian:bookworm
RUN apt-get update && apt-get -t bookworm-backports install -y golang
