FROM golang:1.22 AS build
FROM alpine
COPY --from=build /out/app /app
