# expect: `apk update` kept: node:18-alpine is not known to be Alpine 3.3 or later
FROM node:18-alpine
RUN apk update
RUN apk add --no-cache curl
