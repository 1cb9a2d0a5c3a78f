# expect: it is not followed by `&&`
FROM debian:bookworm AS build
RUN cd /src; make
FROM scratch
