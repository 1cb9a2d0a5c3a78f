FROM node:20
COPY . /srv/app
WORKDIR /srv/app
ENV NODE_ENV=production
RUN npm install --omit=dev
CMD ["npm", "start"]
