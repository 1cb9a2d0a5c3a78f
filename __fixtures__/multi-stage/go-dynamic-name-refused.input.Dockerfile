# expect: a `go build` without -o, whose executable name
FROM golang:1.22
WORKDIR /src
COPY *.go go.mod ./
RUN go build .
CMD ["./src"]
