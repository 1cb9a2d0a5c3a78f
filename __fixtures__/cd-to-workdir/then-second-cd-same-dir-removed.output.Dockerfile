FROM debian:bookworm AS build
WORKDIR /src
RUN ./configure
RUN make
FROM scratch
