# expect-none
FROM debian:bookworm AS build
RUN ["sh", "-c", "cd /src && make"]
FROM scratch
