# expect-none
FROM debian:bookworm
# hadolint ignore=DL3047
RUN wget https://example.com/x
