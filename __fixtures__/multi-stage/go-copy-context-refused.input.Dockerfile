# expect: copies the whole build context
FROM golang:1.23-bookworm
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .
CMD ["/app"]
