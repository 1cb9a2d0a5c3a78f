# expect: nothing follows it in the RUN
FROM debian:bookworm AS build
RUN cd /src
FROM scratch
