FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY cmd/ ./cmd/
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server
EXPOSE 8080
ENTRYPOINT ["/out/server"]

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /out/server /out/server
EXPOSE 8080
ENTRYPOINT ["/out/server"]
