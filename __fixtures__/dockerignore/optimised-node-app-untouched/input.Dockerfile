# expect: nothing to add to .dockerignore: would keep nothing out
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src/ ./src/
USER node
CMD ["node", "src/server.js"]
