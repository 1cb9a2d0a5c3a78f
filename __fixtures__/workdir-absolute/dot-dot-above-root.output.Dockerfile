FROM alpine
WORKDIR /tmp
