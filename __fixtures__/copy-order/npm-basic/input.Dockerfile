FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "src/index.js"]
