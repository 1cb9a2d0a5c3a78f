FROM golang:1.22 AS compile
WORKDIR /src
COPY main.go go.mod ./
RUN CGO_ENABLED=0 go build -o /app .
ENTRYPOINT ["/app"]
