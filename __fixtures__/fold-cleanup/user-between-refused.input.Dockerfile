# expect: changes how the cleanup runs (user)
FROM debian:bookworm
RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -C /opt -xzf /tmp/tool.tgz
USER app
RUN rm -f /tmp/tool.tgz
