FROM alpine
ADD --link --chmod=755 start.sh /usr/local/bin/
