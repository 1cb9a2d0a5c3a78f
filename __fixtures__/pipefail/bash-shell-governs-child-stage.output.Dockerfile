FROM debian:bookworm AS base
SHELL ["bash", "-o", "pipefail", "-c"]
FROM base
RUN wget -O- https://example.com/key | gpg --dearmor -o /usr/share/keyrings/x.gpg
