# expect: would fail on the cache mount point /var/lib/apt/lists
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/*
