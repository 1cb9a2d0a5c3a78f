FROM buildpack-deps:bookworm
WORKDIR /root
# install the tool
ADD https://example.com/releases/tool.tgz tool.tgz
RUN mkdir -p /opt/tool && \
    tar -xzf tool.tgz -C /opt/tool --strip-components=1 && \
    rm -f tool.tgz
