FROM alpine
COPY --link --chmod=755 start.sh /usr/local/bin/
