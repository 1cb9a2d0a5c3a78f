FROM alpine
LABEL org.opencontainers.image.authors="Jürgen Müller <jm@example.de>"
