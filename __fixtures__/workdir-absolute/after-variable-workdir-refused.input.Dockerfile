# expect: the directory before it is not known
FROM node:20
ARG DIR=/app
WORKDIR /srv/$DIR
WORKDIR sub
