FROM debian:bookworm
RUN mkdir -p /out
RUN test -f /out/x || touch /out/x
