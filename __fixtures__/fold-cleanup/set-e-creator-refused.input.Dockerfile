# expect: relies on `set -e`
FROM debian:bookworm
RUN set -e; curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz; tar -C /opt -xzf /tmp/tool.tgz
RUN rm -f /tmp/tool.tgz
