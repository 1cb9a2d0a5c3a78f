# expect: multiple artifacts
FROM golang:1.22
WORKDIR /src
COPY cmd/ ./cmd/
COPY go.mod ./
RUN CGO_ENABLED=0 go build -o /bin/api ./cmd/api && CGO_ENABLED=0 go build -o /bin/worker ./cmd/worker
CMD ["/bin/api"]
