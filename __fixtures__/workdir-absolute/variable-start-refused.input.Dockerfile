# expect: it starts with a variable
FROM node:20
ARG DIR=/app
WORKDIR $DIR
