# expect: cache mount
FROM alpine:3.19
RUN --mount=type=cache,target=/var/cache/apk \
    apk update && apk add curl
