FROM node:20
COPY services/api/package.json services/api/package-lock.json /repo/services/api/
WORKDIR /repo/services/api
RUN npm ci
COPY . /repo
