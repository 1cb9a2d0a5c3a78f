# expect-none
FROM node:20
ONBUILD WORKDIR app
