FROM debian:bookworm
RUN if [ ! -f x ]; then (cd /tmp && wget https://example.com/x); fi
