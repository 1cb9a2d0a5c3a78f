# expect: runs only under a condition
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN if [ -f package-lock.json ]; then npm ci; else npm install; fi
