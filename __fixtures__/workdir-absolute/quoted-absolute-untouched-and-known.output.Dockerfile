FROM node:20
WORKDIR "/srv/app"
WORKDIR '/srv/app/web'
