from alpine
workdir /usr/src
workdir /usr/src/app
