from golang:1.22 as build
  workdir /src
  run go build
from scratch
