FROM node:20
ADD . /app
