FROM node:20
WORKDIR /home/node/app
# the app, owned by node
COPY --chown=node:node . .
USER node
RUN npm ci && \
    npm run build
CMD ["node", "dist/index.js"]
