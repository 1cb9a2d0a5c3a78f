FROM debian:bookworm
ENV HOME=/home/app
LABEL a=b
EXPOSE 8080
USER app
