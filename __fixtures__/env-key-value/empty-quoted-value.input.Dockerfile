FROM alpine
ENV EMPTY ""
