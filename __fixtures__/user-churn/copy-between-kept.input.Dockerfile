# expect-none
FROM debian:bookworm
USER app
COPY . /src
USER root
