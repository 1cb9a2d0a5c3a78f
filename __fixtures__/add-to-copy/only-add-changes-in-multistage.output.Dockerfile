FROM golang:1.22 AS build
COPY go.mod go.sum /src/
FROM alpine
ADD dist.tar.gz /opt/
