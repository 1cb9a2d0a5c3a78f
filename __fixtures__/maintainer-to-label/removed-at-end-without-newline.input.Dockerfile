FROM alpine
LABEL org.opencontainers.image.authors=jane
MAINTAINER jane