# expect: package.json runs `postinstall` on install, which may need the source
FROM node:20
WORKDIR /app
COPY . .
RUN npm ci
