# syntax=docker/dockerfile:1
FROM debian:bookworm AS build
RUN mkdir -p /out && tar -czf /out/site.tgz -C /usr/share/doc .

FROM debian:bookworm
RUN --mount=type=bind,from=build,source=out/site.tgz,target=/tmp/site.tgz \
    mkdir -p /srv/site && tar -xzf /tmp/site.tgz -C /srv/site
