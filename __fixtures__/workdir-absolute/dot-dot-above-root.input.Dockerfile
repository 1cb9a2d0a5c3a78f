FROM alpine
WORKDIR ../../tmp
