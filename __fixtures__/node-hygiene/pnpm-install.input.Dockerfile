FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN pnpm install --frozen-lockfile
