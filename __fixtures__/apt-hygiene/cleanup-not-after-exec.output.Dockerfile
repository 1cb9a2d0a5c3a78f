# expect: package lists not removed: the RUN ends its shell with `exec echo done`
FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates && exec echo done
