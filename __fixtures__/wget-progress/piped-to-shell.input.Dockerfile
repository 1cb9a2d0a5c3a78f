FROM debian:bookworm
RUN wget -O- https://example.com/install.sh | sh
