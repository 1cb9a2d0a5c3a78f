# expect: package.json is not in the build context
FROM node:20
WORKDIR /app
COPY . .
RUN npm ci
