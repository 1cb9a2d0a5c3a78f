# expect: what a RUN uses cannot be checked
FROM node:20
RUN ["make", "all"]
CMD ["node", "index.js"]
