# expect: the directory before it is not known
FROM node:20
ENV HOME=/home/app
WORKDIR $HOME
WORKDIR project
