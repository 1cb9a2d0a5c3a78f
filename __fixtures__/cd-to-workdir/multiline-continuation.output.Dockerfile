FROM golang:1.22 AS build
WORKDIR /src
RUN go build ./...
FROM scratch
COPY --from=build /src/app /app
