# expect-none
FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc

FROM build
RUN rm -rf /var/lib/apt/lists/*
