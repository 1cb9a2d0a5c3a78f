FROM golang:1.22 AS build
ADD go.mod go.sum /src/
FROM alpine
ADD dist.tar.gz /opt/
