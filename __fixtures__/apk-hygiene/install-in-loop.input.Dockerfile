FROM alpine:3.19
RUN for p in curl git; do apk add "$p"; done
