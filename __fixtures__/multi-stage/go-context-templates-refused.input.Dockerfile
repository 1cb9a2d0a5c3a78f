# expect: the build context holds files the app may read at runtime (templates/index.html)
FROM golang:1.22
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/server .
ENTRYPOINT ["/bin/server"]
