# expect-none
FROM alpine:3.1
RUN apk update
RUN apk add curl
