FROM node:20
WORKDIR /home/node/app
COPY --chown=node:node . .
USER node
RUN npm ci && npm run build
