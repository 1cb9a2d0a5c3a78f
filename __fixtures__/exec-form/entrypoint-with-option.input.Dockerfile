FROM debian:bookworm
ENTRYPOINT /opt/app --serve
