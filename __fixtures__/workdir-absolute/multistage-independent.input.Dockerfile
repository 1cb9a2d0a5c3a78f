FROM alpine AS one
WORKDIR /one
FROM alpine AS two
WORKDIR two
