FROM golang:1.22
WORKDIR /src
COPY main.go go.mod ./
RUN go build -o /usr/local/bin/app .
ENV APP_ENV=production
CMD ["/usr/local/bin/app"]
