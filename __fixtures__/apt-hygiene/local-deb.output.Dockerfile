FROM debian:bookworm
COPY tool.deb /tmp/
RUN apt-get update && apt-get install --no-install-recommends -y /tmp/tool.deb && rm /tmp/tool.deb && rm -rf /var/lib/apt/lists/*
