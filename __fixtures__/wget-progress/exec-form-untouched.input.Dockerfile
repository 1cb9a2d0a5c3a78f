# expect-none
FROM debian:bookworm
RUN ["wget", "https://example.com/x"]
