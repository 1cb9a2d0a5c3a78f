FROM debian:bookworm
USER app
RUN id