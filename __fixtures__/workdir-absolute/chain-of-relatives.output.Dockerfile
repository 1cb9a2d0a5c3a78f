FROM node:20
WORKDIR /srv
WORKDIR /srv/app
RUN npm ci
WORKDIR /srv/app/web
