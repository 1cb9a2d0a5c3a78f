# expect: a static front-end served by npx
FROM node:20
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY src ./src
RUN npm run build
CMD ["npx", "serve", "-s", "dist"]
