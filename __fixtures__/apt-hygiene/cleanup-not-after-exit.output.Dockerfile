# expect: package lists not removed: the RUN ends its shell with `exit 0`
FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates; exit 0
