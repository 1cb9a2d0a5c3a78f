FROM alpine
Maintainer jane@example.com
