FROM node:20
ARG APP_HOME=/srv/app
WORKDIR $APP_HOME
COPY package.json package-lock.json* npm-shrinkwrap.json* .npmrc* $APP_HOME/
RUN npm ci
COPY . $APP_HOME
