# expect: Debian release of golang:1.26 is not known
FROM golang:1.26
WORKDIR /src
COPY main.go go.mod ./
RUN go build -o /app .
CMD ["/app"]
