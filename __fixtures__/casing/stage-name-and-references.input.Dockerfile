FROM golang:1.22 AS Builder
RUN go build -o /out/app
FROM Builder AS Tester
RUN go test ./...
FROM alpine
COPY --from=Builder /out/app /app
