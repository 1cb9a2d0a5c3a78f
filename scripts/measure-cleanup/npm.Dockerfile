# npm installs from the npm registry: npm keeps every tarball in /root/.npm.
FROM node:18-slim
WORKDIR /app
COPY package.json ./
RUN npm install --omit=dev
CMD ["node", "-e", "require('express'); console.log('ok')"]
