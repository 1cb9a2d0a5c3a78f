# expect: line 4 (COPY) would then run in /tmp
FROM debian:bookworm
RUN cd /tmp && wget https://example.com/x
COPY config.yaml etc/
