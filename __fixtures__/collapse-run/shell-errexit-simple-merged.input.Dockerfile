FROM debian:bookworm
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN mkdir -p /a; touch /a/b
RUN ls /a | wc -l
