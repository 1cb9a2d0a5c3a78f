# expect: ends in a shell comment
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends make # build tools
