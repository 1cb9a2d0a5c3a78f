FROM node:20
WORKDIR /app
RUN npm ci
CMD ["node", "server.js"]
