FROM debian:bookworm
USER app
RUN id
RUN id
