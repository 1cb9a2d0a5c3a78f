# expect: `VOLUME` between them
FROM node:20
WORKDIR /app
COPY . .
VOLUME /data
RUN npm ci
