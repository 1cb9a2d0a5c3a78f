# expect: joined with `||`
FROM alpine:3.19
RUN apk update || true && apk add curl
