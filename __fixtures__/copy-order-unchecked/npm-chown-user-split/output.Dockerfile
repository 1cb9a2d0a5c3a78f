FROM node:20
WORKDIR /home/node/app
COPY --chown=node:node package.json package-lock.json* npm-shrinkwrap.json* .npmrc* ./
USER node
RUN npm ci
COPY --chown=node:node . .
RUN npm run build
