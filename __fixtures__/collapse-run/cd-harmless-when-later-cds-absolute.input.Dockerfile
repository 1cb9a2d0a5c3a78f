FROM node:20
RUN cd /app && npm ci
RUN cd /app && npm test
