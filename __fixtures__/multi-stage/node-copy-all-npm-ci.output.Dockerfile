FROM node:18 AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
RUN npm ci && npm run build
CMD ["node", "dist/index.js"]

FROM node:18
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/
RUN npm ci --omit=dev
COPY --from=build /app/dist /app/dist
CMD ["node", "dist/index.js"]
