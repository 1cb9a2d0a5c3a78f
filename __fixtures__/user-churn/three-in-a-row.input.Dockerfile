FROM debian:bookworm
USER a
USER b
USER c
RUN id
