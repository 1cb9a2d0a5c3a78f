FROM alpine:3.19
RUN apk update && apk upgrade && apk add bash
