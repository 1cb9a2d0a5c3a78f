FROM debian:bookworm AS build
WORKDIR /app
RUN cd src && make
FROM scratch
