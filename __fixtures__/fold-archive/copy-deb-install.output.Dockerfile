# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=bind,source=tool_1.0_amd64.deb,target=/tmp/tool.deb \
    dpkg -i /tmp/tool.deb
