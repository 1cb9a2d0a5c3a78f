# expect-none
FROM debian:bookworm AS build
RUN cd /src && ./configure
# dockopt ignore=cd-to-workdir
RUN cd /src && make
FROM scratch
