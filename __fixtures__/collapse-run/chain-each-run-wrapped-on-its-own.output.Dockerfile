FROM debian:bookworm
RUN (cd /src && make) && \
    { make test || true; echo done; } && \
    (export PATH=/opt/bin:$PATH && tool --version) && \
    echo last
