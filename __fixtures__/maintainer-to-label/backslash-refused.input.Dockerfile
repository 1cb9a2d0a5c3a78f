# expect: has a backslash
FROM alpine
MAINTAINER DOMAIN\jane
