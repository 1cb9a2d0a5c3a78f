# expect: has busybox wget
FROM alpine:3.20
RUN wget https://example.com/x && apk add wget
