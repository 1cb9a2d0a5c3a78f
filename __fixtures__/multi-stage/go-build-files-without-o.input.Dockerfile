FROM golang:1.22
WORKDIR /app
COPY main.go util.go ./
RUN cd /app && CGO_ENABLED=0 go build main.go util.go
CMD ["/app/main"]
