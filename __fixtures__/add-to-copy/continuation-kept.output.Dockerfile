FROM alpine
COPY app.py \
    lib.py \
    /srv/
