# expect-none
FROM node:20
ARG DIR=/app
WORKDIR $DIR
