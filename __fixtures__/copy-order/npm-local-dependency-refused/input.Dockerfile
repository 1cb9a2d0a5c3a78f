# expect: dependencies has a local dependency ("shared": "file:../shared")
FROM node:20
WORKDIR /app
COPY . .
RUN npm ci
