FROM node:20
COPY node_modules /app/node_modules
