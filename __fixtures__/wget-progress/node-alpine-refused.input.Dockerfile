# expect: has busybox wget
FROM node:20-alpine
RUN wget https://example.com/x
