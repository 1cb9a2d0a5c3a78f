FROM node:20
WORKDIR "/srv/app"
WORKDIR 'web'
