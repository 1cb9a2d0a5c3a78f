# expect: ONBUILD
FROM golang:1.22
ONBUILD COPY . /src
WORKDIR /src
COPY main.go go.mod ./
RUN CGO_ENABLED=0 go build -o /app .
CMD ["/app"]
