FROM debian:bookworm
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN mkdir -p /a; touch /a/b && \
    ls /a | wc -l
