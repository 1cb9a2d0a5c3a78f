FROM debian:bookworm
RUN mkdir /data
RUN ! grep -q bad /etc/passwd > /dev/null
