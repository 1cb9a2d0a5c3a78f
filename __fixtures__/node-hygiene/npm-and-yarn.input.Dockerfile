FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN npm install -g node-gyp && \
    yarn install
