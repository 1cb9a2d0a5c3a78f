# expect: neither curl nor wget is seen installed
FROM debian:bookworm
ADD https://example.com/releases/tool-1.2.tar.gz /tmp/
RUN tar -xzf /tmp/tool-1.2.tar.gz -C /opt && rm /tmp/tool-1.2.tar.gz
