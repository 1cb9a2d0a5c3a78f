# expect: background
FROM debian:bookworm
RUN sleep 10 &
RUN echo two
