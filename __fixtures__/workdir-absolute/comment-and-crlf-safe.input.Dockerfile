FROM alpine
WORKDIR /app
# build output
WORKDIR out
