# expect-none
FROM node:20
USER node
RUN npm ci
