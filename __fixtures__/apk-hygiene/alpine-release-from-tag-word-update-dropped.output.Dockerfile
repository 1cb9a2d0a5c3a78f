FROM python:3.12-alpine3.20
RUN apk add --no-cache curl
