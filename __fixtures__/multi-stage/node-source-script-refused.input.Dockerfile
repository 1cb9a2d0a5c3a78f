# expect: a script from the source tree
FROM node:20
WORKDIR /app
COPY package*.json ./
RUN npm ci && npm run build
COPY server.js ./
CMD ["node", "server.js"]
