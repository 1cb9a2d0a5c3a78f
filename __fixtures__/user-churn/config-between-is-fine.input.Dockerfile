FROM debian:bookworm
USER root
ENV HOME=/home/app
LABEL a=b
EXPOSE 8080
USER app
