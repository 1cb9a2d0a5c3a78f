FROM golang:1.22-bookworm AS build
WORKDIR /app
COPY go.mod go.sum main.go ./
COPY config.yaml /etc/app/config.yaml
COPY templates/ ./templates/
ENV CGO_ENABLED=0
RUN go build -o server .
USER 65532
HEALTHCHECK CMD ["/app/server", "-health"]
CMD ["./server"]

FROM gcr.io/distroless/static-debian12
WORKDIR /app
ENV CGO_ENABLED=0
COPY --from=build /app/server /app/server
COPY --from=build /etc/app/config.yaml /etc/app/config.yaml
COPY --from=build /app/templates /app/templates
USER 65532
HEALTHCHECK CMD ["/app/server", "-health"]
CMD ["./server"]
