# expect: where -e is ignored
FROM debian:bookworm
SHELL ["/bin/sh", "-ec"]
RUN apt-get update && \
    { make || true; echo built; }
RUN echo last
