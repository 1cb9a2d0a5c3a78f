FROM debian:bookworm
ENTRYPOINT myapp --serve
