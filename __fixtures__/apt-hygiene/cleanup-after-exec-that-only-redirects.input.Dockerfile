FROM debian:bookworm
RUN apt-get update && apt-get install -y curl && exec 2>/dev/null && echo ok
