# expect: a CMD would become its arguments
FROM debian:bookworm
ENTRYPOINT /opt/app
CMD ["--help"]
