FROM debian:bookworm
WORKDIR app
