# expect: installs --offline
FROM node:20
COPY . /app
RUN cd /app && npm ci --offline
