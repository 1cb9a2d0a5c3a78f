FROM golang:1.22 AS build
WORKDIR /src
COPY main.go go.mod ./
RUN CGO_ENABLED=0 go build -o /app .
CMD /app --listen :8080

FROM debian:bookworm-slim
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
CMD /app --listen :8080
