# expect: `go install`
FROM golang:1.22
COPY main.go go.mod /src/
RUN cd /src && go install .
CMD ["app"]
