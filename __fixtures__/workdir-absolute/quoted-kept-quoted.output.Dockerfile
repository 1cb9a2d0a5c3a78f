FROM node:20
WORKDIR /app
WORKDIR "/app/my dir"
