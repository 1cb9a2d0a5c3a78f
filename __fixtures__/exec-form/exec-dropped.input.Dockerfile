FROM golang:1.22
CMD exec server -port 8080
