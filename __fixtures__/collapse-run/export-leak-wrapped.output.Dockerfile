FROM debian:bookworm
RUN (export PATH=/opt/tool/bin:$PATH && tool --init) && \
    tool --version
