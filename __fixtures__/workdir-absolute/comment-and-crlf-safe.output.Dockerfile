FROM alpine
WORKDIR /app
# build output
WORKDIR /app/out
