FROM debian:bookworm
USER app
CMD ["app"]
