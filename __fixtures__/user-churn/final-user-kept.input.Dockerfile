# expect-none
FROM debian:bookworm
RUN useradd app
USER app
