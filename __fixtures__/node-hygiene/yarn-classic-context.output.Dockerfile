FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
COPY yarn.lock ./
RUN yarn install --frozen-lockfile && yarn cache clean
