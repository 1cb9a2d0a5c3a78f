# expect: a WORKDIR between them changes where the relative destination points
FROM node:20
WORKDIR /app
COPY . .
WORKDIR /app/sub
RUN npm ci
