FROM alpine
ONBUILD copy . /app
