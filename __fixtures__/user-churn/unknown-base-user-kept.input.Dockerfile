# expect-none
FROM node:20
USER root
RUN apt-get update
