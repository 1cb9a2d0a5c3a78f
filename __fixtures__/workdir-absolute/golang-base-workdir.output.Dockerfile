FROM golang:1.22
WORKDIR /go/src/app
