# expect: has no plain download equivalent
FROM buildpack-deps:bookworm
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/
RUN tar -xzf /tmp/tool.tgz -C /opt && rm /tmp/tool.tgz
