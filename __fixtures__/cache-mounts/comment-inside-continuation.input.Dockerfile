FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    # keep the image small
    && rm -rf /var/lib/apt/lists/*
