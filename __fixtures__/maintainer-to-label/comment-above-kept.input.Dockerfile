FROM alpine
# who to ask
MAINTAINER jane@example.com
RUN true
