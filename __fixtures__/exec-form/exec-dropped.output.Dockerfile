FROM golang:1.22
CMD ["/go/bin/server", "-port", "8080"]
