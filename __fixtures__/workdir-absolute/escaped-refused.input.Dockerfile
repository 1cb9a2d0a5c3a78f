# expect: escapes, inner quotes or continuation lines
FROM node:20
WORKDIR /app
WORKDIR my\ dir
