# expect: is named like an archive ADD unpacks
FROM alpine
ADD app.py assets.tar.gz /srv/
