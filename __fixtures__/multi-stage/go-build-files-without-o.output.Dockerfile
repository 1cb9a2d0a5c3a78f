FROM golang:1.22 AS build
WORKDIR /app
COPY main.go util.go ./
RUN cd /app && CGO_ENABLED=0 go build main.go util.go
CMD ["/app/main"]

FROM gcr.io/distroless/static-debian12
WORKDIR /app
COPY --from=build /app/main /app/main
CMD ["/app/main"]
