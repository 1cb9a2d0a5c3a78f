# expect-none
FROM debian:bookworm
RUN wget -nv https://example.com/x && wget --no-verbose https://example.com/y
