FROM myorg/alpine-base
USER app
RUN sudo apk update && sudo apk add curl
