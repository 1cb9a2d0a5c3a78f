FROM golang:1.22 AS build
RUN go version
RUN go env
FROM debian:bookworm-slim
RUN echo one
RUN echo two
