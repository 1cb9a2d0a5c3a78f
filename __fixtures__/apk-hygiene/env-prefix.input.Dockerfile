FROM alpine:3.19
RUN SSL_CERT_FILE=/etc/ssl/cert.pem apk add curl
