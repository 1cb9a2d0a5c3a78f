# expect-none
FROM debian:bookworm
ONBUILD RUN wget https://example.com/x
