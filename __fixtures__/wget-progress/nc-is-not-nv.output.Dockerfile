FROM debian:bookworm
RUN wget --progress=dot:giga -nc https://example.com/x
