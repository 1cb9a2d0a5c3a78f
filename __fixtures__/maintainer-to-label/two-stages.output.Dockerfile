FROM golang:1.22 AS build
LABEL org.opencontainers.image.authors="Jane"
FROM alpine
LABEL org.opencontainers.image.authors="Jane"
