FROM alpine
COPY --chown=app:app start.sh /usr/local/bin/
