FROM node:20
WORKDIR /app/src
WORKDIR ../dist
