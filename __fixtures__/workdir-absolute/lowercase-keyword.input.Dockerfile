from alpine
workdir /usr/src
workdir app
