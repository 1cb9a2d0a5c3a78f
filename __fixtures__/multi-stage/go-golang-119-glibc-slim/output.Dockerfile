FROM golang:1.19 AS build
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/hello .
CMD ["hello"]

FROM debian:bookworm-slim
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/hello /usr/local/bin/hello
CMD ["hello"]
