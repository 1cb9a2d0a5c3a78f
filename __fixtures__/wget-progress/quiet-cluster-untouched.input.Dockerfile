# expect-none
FROM debian:bookworm
RUN wget -qO- https://example.com/x | sh
