FROM alpine
ENV EMPTY=""
