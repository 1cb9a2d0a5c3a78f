from golang:1.22 as build
workdir /src
copy main.go go.mod ./
run CGO_ENABLED=0 go build -o /app .
entrypoint ["/app"]

from gcr.io/distroless/static-debian12
workdir /src
copy --from=build /app /app
entrypoint ["/app"]