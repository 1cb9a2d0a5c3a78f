# expect: is downloaded
FROM alpine
ADD https://example.com/tool.sh /usr/local/bin/tool
