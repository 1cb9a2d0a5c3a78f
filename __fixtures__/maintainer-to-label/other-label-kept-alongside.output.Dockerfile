FROM alpine
LABEL maintainer="jane"
LABEL org.opencontainers.image.authors="jane"
