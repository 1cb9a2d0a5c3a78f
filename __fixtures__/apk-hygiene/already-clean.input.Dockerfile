# expect-none
FROM alpine:3.19
RUN apk add --no-cache curl && \
    apk --no-cache upgrade
