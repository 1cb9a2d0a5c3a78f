FROM alpine
MAINTAINER Jane Doe
LABEL org.opencontainers.image.authors="Jane Doe"
