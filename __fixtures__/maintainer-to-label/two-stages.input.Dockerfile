FROM golang:1.22 AS build
MAINTAINER Jane
FROM alpine
MAINTAINER Jane
