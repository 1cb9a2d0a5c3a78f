# expect: dynamic artifact name
FROM golang:1.22
ARG NAME=app
WORKDIR /src
COPY main.go go.mod ./
RUN go build -o /bin/$NAME .
CMD ["/bin/app"]
