FROM debian:bookworm
COPY tool.deb /tmp/
RUN apt-get update && apt-get install -y /tmp/tool.deb && rm /tmp/tool.deb
