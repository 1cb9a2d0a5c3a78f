# expect-none
FROM node:20
WORKDIR /app
COPY app /app
RUN npm ci
