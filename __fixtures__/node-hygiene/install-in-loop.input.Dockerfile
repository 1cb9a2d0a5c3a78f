FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
RUN for d in api web; do (cd "$d" && npm ci); done
