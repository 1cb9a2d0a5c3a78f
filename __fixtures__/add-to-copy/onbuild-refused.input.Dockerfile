# expect: ONBUILD ADD left as is
FROM alpine
ONBUILD ADD . /app
