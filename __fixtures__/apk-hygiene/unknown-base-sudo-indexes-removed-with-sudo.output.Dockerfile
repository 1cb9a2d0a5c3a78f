FROM myorg/alpine-base
USER app
RUN sudo apk update && sudo apk add --no-cache curl && sudo rm -rf /var/cache/apk/*
