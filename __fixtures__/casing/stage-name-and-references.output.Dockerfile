FROM golang:1.22 AS builder
RUN go build -o /out/app
FROM builder AS tester
RUN go test ./...
FROM alpine
COPY --from=builder /out/app /app
