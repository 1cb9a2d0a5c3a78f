# expect: package lists not removed: the RUN ends its shell with `exit 0`
FROM debian:bookworm
RUN apt-get update && apt-get install -y curl; exit 0
