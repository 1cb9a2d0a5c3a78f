# expect-none
FROM debian:bookworm
RUN wget -o /tmp/wget.log https://example.com/x && wget --append-output=/tmp/log https://example.com/y
