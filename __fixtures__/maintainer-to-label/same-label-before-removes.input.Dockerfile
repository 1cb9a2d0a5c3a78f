FROM alpine
LABEL org.opencontainers.image.authors="Jane Doe" version=1
MAINTAINER "Jane Doe"
RUN true
