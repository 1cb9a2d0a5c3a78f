# expect: a script from the source tree
FROM golang:1.22
WORKDIR /src
COPY main.go go.mod start.sh ./
RUN CGO_ENABLED=0 go build -o /src/app .
CMD ["./start.sh"]
