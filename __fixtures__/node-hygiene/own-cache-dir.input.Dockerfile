# expect: chooses its own cache directory
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN npm ci --cache /tmp/npm-cache
