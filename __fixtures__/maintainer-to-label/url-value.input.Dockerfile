FROM alpine
MAINTAINER https://github.com/org/team
