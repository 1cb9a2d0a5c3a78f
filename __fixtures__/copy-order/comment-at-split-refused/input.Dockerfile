# expect: comments inside the RUN sit where it would be split
FROM node:20
WORKDIR /app
COPY . .
RUN npm ci && \
    # then build
    npm run build
