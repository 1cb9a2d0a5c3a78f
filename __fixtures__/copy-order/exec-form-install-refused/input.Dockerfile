# expect: exec-form RUN
FROM node:20
WORKDIR /app
COPY . .
RUN ["npm", "ci"]
RUN npm ci
