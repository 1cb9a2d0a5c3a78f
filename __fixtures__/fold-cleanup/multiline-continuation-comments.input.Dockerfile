FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        # for HTTPS downloads
        ca-certificates \
        curl
EXPOSE 8080
RUN apt-get clean \
    # and the lists
    && rm -rf /var/lib/apt/lists/*
