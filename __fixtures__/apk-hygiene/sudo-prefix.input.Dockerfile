FROM alpine:3.19
USER app
RUN sudo apk update && sudo apk add make
