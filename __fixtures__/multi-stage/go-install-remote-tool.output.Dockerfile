FROM golang:1.21 AS build
RUN CGO_ENABLED=0 go install github.com/example/linter/cmd/golint/v3@v3.1.0
ENTRYPOINT ["golint"]

FROM gcr.io/distroless/static-debian12
WORKDIR /go
ENV PATH=/go/bin:$PATH
COPY --from=build /go/bin/golint /go/bin/golint
ENTRYPOINT ["golint"]
