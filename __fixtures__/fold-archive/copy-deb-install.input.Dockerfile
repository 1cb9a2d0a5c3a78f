FROM debian:bookworm
COPY tool_1.0_amd64.deb /tmp/tool.deb
RUN dpkg -i /tmp/tool.deb \
    && rm -f /tmp/tool.deb
