# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=bind,source=dist/app.tar.gz,target=/tmp/app.tar.gz \
    tar -xzf /tmp/app.tar.gz -C /opt
CMD ["/opt/app/bin/app"]
