from debian:bookworm as base
run apt-get update && \
    apt-get install -y --no-install-recommends curl ca-certificates && \
    rm -rf /var/lib/apt/lists/* && \
    echo mixed && \
    echo case
