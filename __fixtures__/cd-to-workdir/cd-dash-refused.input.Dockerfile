# expect: its directory is only known when the shell runs
FROM debian:bookworm AS build
RUN cd - && make
FROM scratch
