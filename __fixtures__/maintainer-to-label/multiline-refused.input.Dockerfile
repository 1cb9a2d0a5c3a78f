# expect: spans several lines
FROM alpine
MAINTAINER Jane Doe \
    <jane@example.com>
