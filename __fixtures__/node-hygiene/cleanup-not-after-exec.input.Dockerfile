# expect: the RUN ends its shell with `exec true`
FROM node:18
RUN npm install -g typescript && exec true
