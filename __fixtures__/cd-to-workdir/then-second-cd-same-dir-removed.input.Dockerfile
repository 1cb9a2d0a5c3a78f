FROM debian:bookworm AS build
RUN cd /src && ./configure
RUN cd /src && make
FROM scratch
