FROM node:20
WORKDIR /app
COPY package.json yarn.lock .yarnrc.yml ./
COPY .yarn/releases ./.yarn/releases/
RUN corepack enable && yarn install --immutable
COPY . .
RUN yarn build
