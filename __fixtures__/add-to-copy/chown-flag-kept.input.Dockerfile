FROM alpine
ADD --chown=app:app start.sh /usr/local/bin/
