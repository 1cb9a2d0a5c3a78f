# expect: ends in a compound command
FROM debian:bookworm
RUN set -e; apt-get update; if true; then apt-get install -y --no-install-recommends make; fi
