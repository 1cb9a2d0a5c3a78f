FROM debian:bookworm
RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -C /opt -xzf /tmp/tool.tgz
ENV TOOL_HOME=/opt/tool
ARG VERSION=1
RUN rm -f /tmp/tool.tgz
