# expect-none
FROM debian:bookworm
USER 1000
RUN id
USER app
RUN id
