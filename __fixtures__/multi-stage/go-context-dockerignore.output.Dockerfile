FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/app .
CMD ["/bin/app"]

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /bin/app /bin/app
CMD ["/bin/app"]
