FROM alpine
HEALTHCHECK CMD wget -q -O- http://localhost/
