# expect: without a literal -o
FROM golang:1.22
WORKDIR /src
COPY *.go go.mod ./
RUN go build .
CMD ["./src"]
