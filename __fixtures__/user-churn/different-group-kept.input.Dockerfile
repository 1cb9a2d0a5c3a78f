# expect-none
FROM debian:bookworm
USER app
RUN id
USER app:app
RUN id
