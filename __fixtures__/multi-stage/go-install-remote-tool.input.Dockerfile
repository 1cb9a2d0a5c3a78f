FROM golang:1.21
RUN CGO_ENABLED=0 go install github.com/example/linter/cmd/golint/v3@v3.1.0
ENTRYPOINT ["golint"]
