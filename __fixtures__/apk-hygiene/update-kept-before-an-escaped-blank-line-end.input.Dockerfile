# expect: ends in an escaped blank
FROM alpine:3.19
RUN echo a\ && apk update
ENV A=1
RUN apk add --no-cache bash
