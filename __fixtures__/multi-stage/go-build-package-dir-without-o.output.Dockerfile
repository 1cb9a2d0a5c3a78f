FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY cmd/ ./cmd/
RUN go build ./cmd/server
CMD ["./server", "--port", "8080"]

FROM debian:bookworm-slim
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/server /src/server
CMD ["./server", "--port", "8080"]
