FROM golang:1.22 AS build
RUN cd /src && go generate
ENV CGO_ENABLED=0
USER root
COPY go.mod /src/go.mod
RUN cd /src && go build
FROM scratch
