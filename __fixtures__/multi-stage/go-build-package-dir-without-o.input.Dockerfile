FROM golang:1.22-bookworm
WORKDIR /src
COPY cmd/ ./cmd/
RUN go build ./cmd/server
CMD ["./server", "--port", "8080"]
