FROM node:20
WORKDIR /app
COPY . .
CMD ["node", "src/index.js"]
