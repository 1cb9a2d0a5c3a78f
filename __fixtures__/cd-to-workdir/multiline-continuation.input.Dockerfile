FROM golang:1.22 AS build
RUN cd /src && \
    go build ./...
FROM scratch
COPY --from=build /src/app /app
