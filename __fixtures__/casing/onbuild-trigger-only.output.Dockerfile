FROM alpine
ONBUILD COPY . /app
