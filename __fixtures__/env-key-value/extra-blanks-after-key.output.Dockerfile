FROM alpine
ENV NODE_ENV=production
