FROM debian:bookworm
ARG U=app
USER $U
USER root
RUN id
