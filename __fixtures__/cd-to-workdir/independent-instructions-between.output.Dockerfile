FROM golang:1.22 AS build
WORKDIR /src
RUN go generate
ENV CGO_ENABLED=0
USER root
COPY go.mod /src/go.mod
RUN go build
FROM scratch
