FROM node:20
COPY . /app
RUN cd /app && npm ci && npm run build
