# expect-none
FROM debian:bookworm
USER app
WORKDIR /home/app/data
USER root
