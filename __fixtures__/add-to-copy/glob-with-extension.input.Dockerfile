FROM alpine
ADD *.conf /etc/app/
