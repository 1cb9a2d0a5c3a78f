FROM node:18
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
RUN npm ci && npm run build
CMD ["node", "dist/index.js"]
