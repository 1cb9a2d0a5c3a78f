FROM alpine:3.19
RUN apk update && \
    apk add \
        # build tools
        build-base \
        # for the docs
        pandoc
