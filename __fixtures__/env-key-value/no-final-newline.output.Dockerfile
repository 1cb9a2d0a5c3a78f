FROM alpine
ENV A="b c"