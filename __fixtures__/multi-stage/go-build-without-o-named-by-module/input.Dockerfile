FROM golang:1.22
WORKDIR /src
COPY go.mod main.go ./
RUN CGO_ENABLED=0 go build
CMD ["/src/hello"]
