FROM debian:bookworm
RUN (mkdir -p /tmp/build && cd /tmp/build && cmake /src && make install) && \
    { rm -rf /tmp/build 2>/dev/null || true; }
