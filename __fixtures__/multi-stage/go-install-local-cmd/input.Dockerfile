FROM golang:1.22
WORKDIR /src
COPY go.mod ./
COPY cmd/ ./cmd/
RUN go install ./cmd/api
EXPOSE 8080
CMD ["api"]
