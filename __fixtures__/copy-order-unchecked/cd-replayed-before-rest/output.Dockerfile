FROM node:20
COPY package.json package-lock.json* npm-shrinkwrap.json* .npmrc* /app/
RUN cd /app && npm ci
COPY . /app
RUN cd /app && npm run build
