FROM alpine
MAINTAINER Jane O'Hara
