FROM node:20
LABEL org.opencontainers.image.authors="someone"
WORKDIR /srv
WORKDIR /srv/web
COPY --chown=node:node package.json ./
ENTRYPOINT exec node server.js
CMD ["--port", "80"]