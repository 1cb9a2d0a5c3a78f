FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN NODE_ENV=production npm ci && npm cache clean --force
