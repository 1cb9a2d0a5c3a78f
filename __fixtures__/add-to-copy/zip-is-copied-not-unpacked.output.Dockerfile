FROM alpine
COPY release.zip /opt/
