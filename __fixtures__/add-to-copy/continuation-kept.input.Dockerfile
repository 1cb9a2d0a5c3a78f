FROM alpine
ADD app.py \
    lib.py \
    /srv/
