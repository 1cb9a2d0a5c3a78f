# expect: it spans several lines
FROM alpine
ENV PATH /usr/local/bin:\
    /usr/bin
