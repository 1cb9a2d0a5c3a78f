FROM debian:bookworm
RUN if [ ! -f x ]; then (cd /tmp && wget --progress=dot:giga https://example.com/x); fi
