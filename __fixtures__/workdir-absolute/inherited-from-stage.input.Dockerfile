FROM node:20 AS base
WORKDIR /app
FROM base AS build
WORKDIR client
