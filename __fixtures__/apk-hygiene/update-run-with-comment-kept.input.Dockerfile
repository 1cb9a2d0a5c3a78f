# expect: comment directly above
FROM alpine:3.19
# refresh the index
RUN apk update
RUN apk add curl
