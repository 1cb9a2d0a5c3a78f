# expect: a comment line sits inside
FROM debian:bookworm AS build
RUN cd /src && \
# then build
    make
FROM scratch
