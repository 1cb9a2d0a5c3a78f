FROM alpine
LABEL maintainer="jane"
MAINTAINER jane
