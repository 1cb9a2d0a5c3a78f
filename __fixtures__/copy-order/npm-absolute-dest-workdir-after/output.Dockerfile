FROM node:20
COPY package.json package-lock.json /srv/app/
WORKDIR /srv/app
ENV NODE_ENV=production
RUN npm install --omit=dev
COPY . /srv/app
CMD ["npm", "start"]
