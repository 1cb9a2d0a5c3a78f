FROM alpine
  MAINTAINER jane@example.com
