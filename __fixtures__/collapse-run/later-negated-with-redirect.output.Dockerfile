FROM debian:bookworm
RUN mkdir /data && \
    ! grep -q bad /etc/passwd > /dev/null
