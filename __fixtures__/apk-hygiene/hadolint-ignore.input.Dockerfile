# expect-none
FROM alpine:3.19
# hadolint ignore=DL3019
RUN apk add curl
