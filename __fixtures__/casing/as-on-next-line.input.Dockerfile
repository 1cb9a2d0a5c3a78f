FROM golang:1.22 \
    as Build
