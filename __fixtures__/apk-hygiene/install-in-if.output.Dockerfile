FROM alpine:3.19
ARG DEBUG
RUN if [ "$DEBUG" = 1 ]; then apk add --no-cache gdb strace; fi
