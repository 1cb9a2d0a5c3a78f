FROM alpine
MAINTAINER 'Jane "JD" Doe'
