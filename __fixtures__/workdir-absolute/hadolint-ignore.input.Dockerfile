# expect-none
FROM node:20
WORKDIR /app
# hadolint ignore=DL3000
WORKDIR src
