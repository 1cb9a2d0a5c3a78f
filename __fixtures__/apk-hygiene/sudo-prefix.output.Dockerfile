FROM alpine:3.19
USER app
RUN sudo apk add --no-cache make
