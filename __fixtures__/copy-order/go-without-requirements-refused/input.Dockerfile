# expect: go.mod requires no module: there is nothing to download
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
