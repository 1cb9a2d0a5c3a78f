# expect: `RUN chmod +x entrypoint.sh` between them writes where the COPY copies to
FROM node:20
WORKDIR /app
COPY . .
RUN chmod +x entrypoint.sh
RUN npm ci
