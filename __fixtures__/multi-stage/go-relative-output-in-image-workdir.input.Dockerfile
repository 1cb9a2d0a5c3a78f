FROM golang:1.22
COPY main.go go.mod ./
RUN CGO_ENABLED=0 go build -o app .
CMD ["./app"]
