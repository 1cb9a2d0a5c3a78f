FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/server ./cmd/server
ENTRYPOINT ["/bin/server"]

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /bin/server /bin/server
ENTRYPOINT ["/bin/server"]
