# expect-none
FROM debian:bookworm
RUN wget -q https://example.com/x
