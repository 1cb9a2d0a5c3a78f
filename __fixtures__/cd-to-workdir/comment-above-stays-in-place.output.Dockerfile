FROM golang:1.22 AS build
# compile
WORKDIR /src
RUN go build
FROM scratch
