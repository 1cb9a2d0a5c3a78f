# expect: left out: .git (a RUN may use git)
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -ldflags "-X main.version=$(git describe --tags)" -o /app .
