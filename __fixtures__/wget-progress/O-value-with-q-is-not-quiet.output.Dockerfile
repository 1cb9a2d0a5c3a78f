FROM debian:bookworm
RUN wget --progress=dot:giga -Oq https://example.com/x
