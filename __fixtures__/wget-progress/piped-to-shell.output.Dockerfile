FROM debian:bookworm
RUN wget --progress=dot:giga -O- https://example.com/install.sh | sh
