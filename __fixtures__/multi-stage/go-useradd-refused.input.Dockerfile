# expect: is created by a RUN of the build stage
FROM golang:1.22
WORKDIR /src
COPY main.go go.mod ./
RUN CGO_ENABLED=0 go build -o /app . && useradd -r appuser
USER appuser
CMD ["/app"]
