FROM golang:1.22
WORKDIR /src
COPY main.go go.mod ./
RUN CGO_ENABLED=0 go build -o /app .
CMD /app --listen :8080
