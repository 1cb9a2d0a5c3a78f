# expect-none
FROM debian:bookworm
RUN wget --progress=bar:force https://example.com/x
