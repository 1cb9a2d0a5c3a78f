# expect-none
FROM golang:1.22 AS build
RUN go build
FROM alpine
COPY --from=build /out /out
