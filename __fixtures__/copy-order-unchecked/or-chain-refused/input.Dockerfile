# expect: the RUN is not a single `&&` chain
FROM node:20
WORKDIR /app
COPY . .
RUN npm ci || npm install
