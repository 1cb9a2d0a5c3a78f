# expect: Yarn 2+ configuration
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
COPY yarn.lock .yarnrc* ./
RUN yarn install
