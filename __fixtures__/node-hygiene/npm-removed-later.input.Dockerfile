# expect: removes the tool
FROM alpine:3.19
RUN apk add --no-cache nodejs npm && npm ci && apk del npm
