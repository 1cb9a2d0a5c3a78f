FROM alpine
MAINTAINER Jürgen Müller <jm@example.de>
