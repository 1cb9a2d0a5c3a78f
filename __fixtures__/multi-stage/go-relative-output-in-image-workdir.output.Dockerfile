FROM golang:1.22 AS build
COPY main.go go.mod ./
RUN CGO_ENABLED=0 go build -o app .
CMD ["./app"]

FROM gcr.io/distroless/static-debian12
WORKDIR /go
COPY --from=build /go/app /go/app
CMD ["./app"]
