FROM debian:bookworm
RUN mkdir -p /out && \
    { touch /out/a; touch /out/b; }
