# expect: changes the environment the cleanup would run in
FROM node:20
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
ENV NODE_ENV=production
RUN npm cache clean --force
