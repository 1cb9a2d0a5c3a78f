# expect: uses a variable
FROM alpine
ARG SRC=app.py
ADD $SRC /srv/
