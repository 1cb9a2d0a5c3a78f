# expect: it is not `cd <one directory>`
FROM debian:bookworm AS build
RUN cd -P /src && make
FROM scratch
