FROM debian:bookworm
USER c
RUN id
