FROM debian:bookworm AS build
WORKDIR /app
WORKDIR /app/src
RUN make
FROM scratch
