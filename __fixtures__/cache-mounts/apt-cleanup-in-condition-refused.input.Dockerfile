# expect: cannot be taken out
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && if [ -z "$KEEP_LISTS" ]; then rm -rf /var/lib/apt/lists/*; fi
