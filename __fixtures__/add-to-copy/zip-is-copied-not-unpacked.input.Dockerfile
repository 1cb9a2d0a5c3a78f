FROM alpine
ADD release.zip /opt/
