# expect-none
FROM debian:bookworm
RUN apt-get update && apt-get install -y --install-recommends texlive && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y -o APT::Install-Recommends=false make && rm -rf /var/lib/apt/lists/*
