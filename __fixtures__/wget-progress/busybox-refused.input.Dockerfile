# expect: has busybox wget
FROM busybox
RUN wget https://example.com/x
