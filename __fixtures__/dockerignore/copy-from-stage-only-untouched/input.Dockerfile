# expect-none
FROM node:20 AS build
WORKDIR /app
COPY package.json ./
RUN npm install

FROM node:20-slim
COPY --from=build /app /app
