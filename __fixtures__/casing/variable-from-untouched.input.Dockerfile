# expect-none
ARG SRC=build
FROM golang:1.22 AS build
FROM alpine
COPY --from=${SRC} /out/app /app
