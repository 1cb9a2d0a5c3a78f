# expect: cache mount
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
