FROM alpine
LABEL org.opencontainers.image.authors="https://github.com/org/team"
