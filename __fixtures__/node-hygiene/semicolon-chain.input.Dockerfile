FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN npm ci; npm run build
