FROM alpine
COPY app.py config.yaml /srv/
