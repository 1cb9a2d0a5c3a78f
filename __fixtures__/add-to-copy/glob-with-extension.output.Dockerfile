FROM alpine
COPY *.conf /etc/app/
