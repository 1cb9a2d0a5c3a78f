FROM node:20 AS base
WORKDIR /app
FROM base
RUN npm test
