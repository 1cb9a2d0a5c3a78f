# expect-none
FROM alpine
COPY app.py /srv/
