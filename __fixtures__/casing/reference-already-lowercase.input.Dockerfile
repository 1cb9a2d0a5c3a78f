FROM golang:1.22 AS Build
FROM alpine
COPY --from=build /out/app /app
