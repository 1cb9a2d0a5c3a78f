# expect: ends in a shell comment
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl # tools
RUN rm -rf /var/lib/apt/lists/*
