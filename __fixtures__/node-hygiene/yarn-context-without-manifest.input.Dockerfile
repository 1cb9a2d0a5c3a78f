# expect: no package.json
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN yarn install --frozen-lockfile
