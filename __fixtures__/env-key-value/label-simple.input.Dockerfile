FROM alpine
LABEL version 1.0
