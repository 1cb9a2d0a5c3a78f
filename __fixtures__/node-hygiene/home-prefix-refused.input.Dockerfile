# expect: sets HOME
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN HOME=/tmp npm ci
