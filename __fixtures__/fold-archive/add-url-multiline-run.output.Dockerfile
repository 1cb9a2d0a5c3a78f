FROM buildpack-deps:bookworm
WORKDIR /root
# install the tool
RUN curl -fsSL --create-dirs -o /root/tool.tgz https://example.com/releases/tool.tgz && \
    mkdir -p /opt/tool && \
    tar -xzf tool.tgz -C /opt/tool --strip-components=1 && \
    rm -f tool.tgz
