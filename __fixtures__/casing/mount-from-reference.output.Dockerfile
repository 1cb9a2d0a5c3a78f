FROM node:20 AS deps
RUN npm ci
FROM node:20
RUN --mount=type=bind,from=deps,source=/node_modules,target=/app/node_modules npm test
