# expect: quotes, escapes or continuation lines
FROM node:20
WORKDIR /app
WORKDIR "my dir"
