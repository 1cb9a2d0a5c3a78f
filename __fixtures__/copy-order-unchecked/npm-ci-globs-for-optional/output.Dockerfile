FROM node:20
WORKDIR /app
COPY package.json package-lock.json* npm-shrinkwrap.json* .npmrc* ./
RUN npm ci
COPY . .
CMD ["node", "index.js"]
