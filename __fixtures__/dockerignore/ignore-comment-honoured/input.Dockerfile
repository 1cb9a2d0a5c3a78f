# expect-none
FROM node:20
WORKDIR /app
# dockopt ignore=dockerignore
COPY . .
RUN npm ci
