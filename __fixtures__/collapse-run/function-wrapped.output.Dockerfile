FROM debian:bookworm
RUN (greet() { echo hi; }; greet) && \
    echo done
