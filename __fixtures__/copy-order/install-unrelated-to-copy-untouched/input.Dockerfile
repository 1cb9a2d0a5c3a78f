# expect-none
FROM node:20
COPY . /static
WORKDIR /tools
RUN npm install -g serve
CMD ["serve", "/static"]
