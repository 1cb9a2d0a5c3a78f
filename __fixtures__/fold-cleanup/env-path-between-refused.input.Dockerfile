# expect: changes PATH
FROM debian:bookworm
RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -C /opt -xzf /tmp/tool.tgz
ENV PATH=/opt/tool/bin:$PATH
RUN rm -f /tmp/tool.tgz
