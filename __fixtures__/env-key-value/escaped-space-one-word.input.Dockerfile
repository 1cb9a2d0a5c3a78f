FROM alpine
ENV DIR /my\ dir
