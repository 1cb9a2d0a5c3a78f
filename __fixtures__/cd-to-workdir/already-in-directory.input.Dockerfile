FROM node:20
WORKDIR /app
RUN cd /app && npm ci
CMD ["node", "server.js"]
