FROM alpine:3.19
RUN apk add --no-cache \
        # build tools
        build-base \
        # for the docs
        pandoc
