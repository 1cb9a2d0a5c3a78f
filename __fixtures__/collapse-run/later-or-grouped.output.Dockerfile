FROM debian:bookworm
RUN mkdir -p /out && \
    { test -f /out/x || touch /out/x; }
