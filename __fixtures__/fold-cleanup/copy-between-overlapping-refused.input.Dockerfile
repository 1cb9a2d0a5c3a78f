# expect: may write files the cleanup deletes
FROM debian:bookworm
RUN curl -fsSL -o /opt/tool.tgz https://example.com/tool.tgz && tar -C /opt -xzf /opt/tool.tgz
COPY config/ /opt/
RUN rm -f /opt/tool.tgz
