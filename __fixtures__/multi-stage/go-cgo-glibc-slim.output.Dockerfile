FROM golang:1.22 AS build
WORKDIR /src
COPY main.go go.mod ./
RUN go build -o /usr/local/bin/app .
ENV APP_ENV=production
CMD ["/usr/local/bin/app"]

FROM debian:bookworm-slim
WORKDIR /src
ENV APP_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/app /usr/local/bin/app
CMD ["/usr/local/bin/app"]
