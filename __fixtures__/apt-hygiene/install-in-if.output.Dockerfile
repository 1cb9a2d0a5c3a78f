FROM debian:bookworm
ARG WITH_GIT=0
RUN apt-get update && \
    if [ "$WITH_GIT" = 1 ]; then apt-get install -y --no-install-recommends git ca-certificates; fi && \
    rm -rf /var/lib/apt/lists/*
