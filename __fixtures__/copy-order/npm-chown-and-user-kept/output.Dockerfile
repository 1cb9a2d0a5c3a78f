FROM node:20
WORKDIR /home/node/app
# the app, owned by node
COPY --chown=node:node package.json package-lock.json ./
USER node
RUN npm ci
COPY --chown=node:node . .
RUN npm run build
CMD ["node", "dist/index.js"]
