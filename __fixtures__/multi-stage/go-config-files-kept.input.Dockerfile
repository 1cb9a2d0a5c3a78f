FROM golang:1.22-bookworm
WORKDIR /app
COPY go.mod go.sum main.go ./
COPY config.yaml /etc/app/config.yaml
COPY templates/ ./templates/
ENV CGO_ENABLED=0
RUN go build -o server .
USER 65532
HEALTHCHECK CMD ["/app/server", "-health"]
CMD ["./server"]
