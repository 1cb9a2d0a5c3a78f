FROM golang:1.22
CMD ["server", "-port", "8080"]
