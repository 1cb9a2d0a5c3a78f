FROM golang:1.22 AS build
RUN cd /src/./app/ && go build
FROM scratch
