# expect-none
FROM alpine
# hadolint ignore=DL3020
ADD app.py /srv/
