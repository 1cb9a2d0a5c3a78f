# expect: is downloaded
FROM alpine
ADD app.py https://example.com/lib.py /srv/
