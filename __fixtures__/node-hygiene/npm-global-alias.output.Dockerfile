FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN npm i -g typescript@5 && npm cache clean --force
