FROM debian:bookworm
RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -C /opt -xzf /tmp/tool.tgz && \
    rm -f /tmp/tool.tgz
COPY app.py /app/
