# expect: without the build context
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN yarn install --frozen-lockfile
