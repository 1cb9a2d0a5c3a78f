FROM node:20
RUN cd /app && npm ci && \
    cd /app && npm test
