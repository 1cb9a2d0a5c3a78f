FROM alpine
ENV PS1='$ '
