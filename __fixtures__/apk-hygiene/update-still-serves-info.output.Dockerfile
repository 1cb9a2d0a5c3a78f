FROM alpine:3.19
RUN apk update && apk add --no-cache curl && apk info -a curl && rm -rf /var/cache/apk/*
