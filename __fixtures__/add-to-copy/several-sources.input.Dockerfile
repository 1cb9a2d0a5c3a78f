FROM alpine
ADD app.py config.yaml /srv/
