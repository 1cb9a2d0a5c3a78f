FROM alpine:3.19
RUN apk add --update curl
