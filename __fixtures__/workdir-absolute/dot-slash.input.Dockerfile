FROM node:20
WORKDIR /app
WORKDIR ./build
