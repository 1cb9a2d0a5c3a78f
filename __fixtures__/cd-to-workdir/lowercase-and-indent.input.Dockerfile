from golang:1.22 as build
  run cd /src && go build
from scratch
