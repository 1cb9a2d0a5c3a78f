FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod main.go ./
RUN CGO_ENABLED=0 go build
CMD ["/src/hello"]

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /src/hello /src/hello
CMD ["/src/hello"]
