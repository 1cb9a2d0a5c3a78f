# expect-none
FROM golang:1.22 AS build
FROM alpine
COPY --from=0 /out/app /app
