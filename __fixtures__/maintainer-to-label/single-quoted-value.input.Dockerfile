FROM alpine
MAINTAINER 'Jane Doe'
