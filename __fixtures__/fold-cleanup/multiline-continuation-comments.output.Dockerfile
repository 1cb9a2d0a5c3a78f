FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        # for HTTPS downloads
        ca-certificates \
        curl && \
    apt-get clean \
    # and the lists
    && rm -rf /var/lib/apt/lists/*
EXPOSE 8080
