# expect: installs --offline
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN npm ci
RUN npm install --offline left-pad
