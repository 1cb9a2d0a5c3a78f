# expect-none
FROM golang:1.22 AS build
FROM build-tools:1.0
RUN true
