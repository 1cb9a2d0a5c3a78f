FROM debian:bookworm AS base
SHELL ["bash", "-c"]
FROM base
RUN wget -O- https://example.com/key | gpg --dearmor -o /usr/share/keyrings/x.gpg
