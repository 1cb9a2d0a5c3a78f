# expect: its directory is relative
FROM debian:bookworm AS build
RUN cd src && make
FROM scratch
