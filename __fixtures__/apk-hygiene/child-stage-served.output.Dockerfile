FROM alpine:3.19 AS base

FROM base
RUN apk add --no-cache curl
