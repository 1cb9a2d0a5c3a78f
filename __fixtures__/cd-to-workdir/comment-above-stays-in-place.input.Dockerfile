FROM golang:1.22 AS build
# compile
RUN cd /src && go build
FROM scratch
