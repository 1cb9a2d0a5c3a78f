FROM node:20
COPY . /repo
WORKDIR /repo/services/api
RUN npm ci
