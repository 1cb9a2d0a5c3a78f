FROM alpine
healthcheck CMD wget -q -O- http://localhost/
