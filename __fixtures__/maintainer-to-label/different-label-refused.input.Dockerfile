# expect: already sets org.opencontainers.image.authors to another value
FROM alpine
LABEL org.opencontainers.image.authors="Team A"
MAINTAINER Jane Doe
