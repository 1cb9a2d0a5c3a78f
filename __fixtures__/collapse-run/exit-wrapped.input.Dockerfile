FROM debian:bookworm
RUN test -d /opt || exit 0
RUN echo two
