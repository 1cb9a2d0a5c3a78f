FROM node:20
MAINTAINER someone
WORKDIR /srv
WORKDIR web
ADD --chown=node:node package.json ./
ENTRYPOINT exec node server.js
CMD ["--port", "80"]