FROM debian:bookworm
RUN wget -nc https://example.com/x
