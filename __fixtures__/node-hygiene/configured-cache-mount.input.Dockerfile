# expect: cache mount
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
ENV NPM_CONFIG_CACHE=/npm-cache
RUN --mount=type=cache,target=/npm-cache npm ci
