# expect: /bin/sh is busybox in `alpine:3.20`
FROM alpine:3.20
RUN wget -qO- https://example.com/x.tgz | tar xz
