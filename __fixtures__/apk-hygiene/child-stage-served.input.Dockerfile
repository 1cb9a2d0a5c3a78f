FROM alpine:3.19 AS base
RUN apk update

FROM base
RUN apk add curl
