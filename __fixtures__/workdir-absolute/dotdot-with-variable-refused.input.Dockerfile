# expect: it has both `..` and variables
FROM node:20
WORKDIR /app
WORKDIR ../$NAME
