# expect-none
FROM debian:bookworm AS build
# dockopt ignore=cd-to-workdir
RUN cd /src && make
FROM scratch
