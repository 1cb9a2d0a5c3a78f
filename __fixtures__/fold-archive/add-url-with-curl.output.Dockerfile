FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL --create-dirs -o /tmp/tool-1.2.tar.gz https://example.com/releases/tool-1.2.tar.gz && tar -xzf /tmp/tool-1.2.tar.gz -C /opt && rm /tmp/tool-1.2.tar.gz
