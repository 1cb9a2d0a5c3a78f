from golang:1.22
workdir /src
copy main.go go.mod ./
run CGO_ENABLED=0 go build -o /app .
entrypoint ["/app"]