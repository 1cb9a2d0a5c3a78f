FROM alpine
ENV COLOR="red # not a comment"
