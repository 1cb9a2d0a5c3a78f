# expect: not a single && chain
FROM buildpack-deps:bookworm
ADD https://example.com/tool.tgz /tmp/
RUN tar -xzf /tmp/tool.tgz -C /opt; rm /tmp/tool.tgz
