FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod ./
COPY cmd/ ./cmd/
RUN go install ./cmd/api
EXPOSE 8080
CMD ["api"]

FROM debian:bookworm-slim
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
ENV PATH=/go/bin:$PATH
COPY --from=build /go/bin/api /go/bin/api
EXPOSE 8080
CMD ["api"]
