# expect: `$SRC` in this Dockerfile expands at build time
FROM node:20
ARG SRC=config
COPY . /app
COPY $SRC /etc/app
