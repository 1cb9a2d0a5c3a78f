# expect: node_modules is in the build context and not in .dockerignore
FROM node:20
WORKDIR /app
COPY . .
RUN npm ci
