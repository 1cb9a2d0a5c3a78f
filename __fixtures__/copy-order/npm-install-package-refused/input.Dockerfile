# expect: installs packages named on the command line
FROM node:20
WORKDIR /app
COPY . .
RUN npm install express
