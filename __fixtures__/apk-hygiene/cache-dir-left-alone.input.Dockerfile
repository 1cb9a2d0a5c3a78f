# expect: left alone
FROM alpine:3.19
RUN apk add --cache-dir /tmp/apk curl
