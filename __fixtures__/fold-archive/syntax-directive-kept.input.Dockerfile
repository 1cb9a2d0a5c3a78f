# syntax=docker/dockerfile:1.7
FROM debian:bookworm
COPY app.tgz /tmp/
RUN tar -xzf /tmp/app.tgz -C /opt && rm /tmp/app.tgz
