# expect-none
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl
# dockopt ignore=fold-cleanup
RUN rm -rf /var/lib/apt/lists/*
