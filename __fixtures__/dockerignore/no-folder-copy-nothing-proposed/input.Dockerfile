# expect-none
FROM node:20
WORKDIR /app
COPY package.json index.js ./
CMD ["node", "index.js"]
