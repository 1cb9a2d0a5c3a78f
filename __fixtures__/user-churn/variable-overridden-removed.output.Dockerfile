FROM debian:bookworm
ARG U=app
USER root
RUN id
