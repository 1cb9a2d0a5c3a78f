FROM node:20
WORKDIR /srv
WORKDIR app
RUN npm ci
WORKDIR web
