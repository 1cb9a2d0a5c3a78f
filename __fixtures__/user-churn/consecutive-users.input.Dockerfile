FROM debian:bookworm
USER root
USER app
CMD ["app"]
