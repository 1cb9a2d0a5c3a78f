# expect: package lists not removed: the RUN ends its shell with `exec echo done`
FROM debian:bookworm
RUN apt-get update && apt-get install -y curl && exec echo done
