FROM alpine:3.2
RUN apk update && apk add curl && rm -rf /var/cache/apk/*
