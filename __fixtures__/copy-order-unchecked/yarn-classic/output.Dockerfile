FROM node:20
WORKDIR /app
COPY package.json yarn.lock* .yarnrc* .npmrc* ./
RUN yarn install --frozen-lockfile
COPY . .
RUN yarn build
