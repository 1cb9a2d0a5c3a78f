# expect: line 4 (WORKDIR) would then run in /src
FROM debian:bookworm AS build
RUN cd /src && make
WORKDIR build
FROM scratch
