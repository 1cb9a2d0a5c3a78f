FROM golang:1.22 AS build
WORKDIR /src
# compile
RUN go build
FROM scratch
