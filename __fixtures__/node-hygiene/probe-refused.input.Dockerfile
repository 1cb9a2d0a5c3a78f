# expect: checks whether the tool exists
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN command -v npm && npm ci
