FROM debian:bookworm
RUN wget -Oq https://example.com/x
