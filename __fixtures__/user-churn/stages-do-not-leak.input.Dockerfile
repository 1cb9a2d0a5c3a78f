# expect-none
FROM debian:bookworm AS one
USER app
FROM debian:bookworm AS two
USER app
RUN id
