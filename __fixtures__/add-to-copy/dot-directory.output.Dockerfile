FROM node:20
COPY . /app
