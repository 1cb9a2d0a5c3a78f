FROM golang:1.22 AS build
RUN go version && \
    go env
FROM debian:bookworm-slim
RUN echo one && \
    echo two
