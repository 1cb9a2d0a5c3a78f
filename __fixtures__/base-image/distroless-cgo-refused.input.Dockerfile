# expect: does not set CGO_ENABLED=0
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/server .

FROM debian:bookworm-slim
COPY --from=build /out/server /server
ENTRYPOINT ["/server"]
