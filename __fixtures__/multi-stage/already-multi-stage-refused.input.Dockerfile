# expect: already multi-stage
FROM golang:1.22 AS deps
COPY go.mod /src/
FROM deps
COPY main.go /src/
RUN cd /src && CGO_ENABLED=0 go build -o /app .
CMD ["/app"]
