FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN npm install \
    # runtime
    express \
    # logging
    pino && \
    npm cache clean --force
