# expect: runs an npm script
FROM node:20
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY src ./src
RUN npm run build
CMD ["npm", "start"]
