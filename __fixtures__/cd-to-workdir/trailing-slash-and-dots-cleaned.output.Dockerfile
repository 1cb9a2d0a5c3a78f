FROM golang:1.22 AS build
WORKDIR /src/app
RUN go build
FROM scratch
