FROM node:20 AS Deps
RUN npm ci
FROM node:20
RUN --mount=type=bind,from=Deps,source=/node_modules,target=/app/node_modules npm test
