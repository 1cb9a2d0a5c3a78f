FROM debian:bookworm
RUN apt-get update && yes | apt-get install --no-install-recommends make
