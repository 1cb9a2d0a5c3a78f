FROM golang:1.22
CMD exec /go/bin/server -port 8080
