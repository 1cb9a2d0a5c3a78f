# expect: the base image `alpine:3.20` has busybox wget, which rejects --progress
FROM alpine:3.20
RUN wget https://example.com/x
