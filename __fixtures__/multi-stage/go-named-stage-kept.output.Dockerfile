FROM golang:1.22 AS compile
WORKDIR /src
COPY main.go go.mod ./
RUN CGO_ENABLED=0 go build -o /app .
ENTRYPOINT ["/app"]

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=compile /app /app
ENTRYPOINT ["/app"]
