# expect: where -e is ignored
# expect: merged two consecutive RUN instructions into one layer (grouped the later RUN in { } because it uses || / ; / newlines at its top level)
FROM debian:bookworm
SHELL ["/bin/sh", "-ec"]
RUN apt-get update
RUN cd /tmp; make
RUN cd /app && make install
