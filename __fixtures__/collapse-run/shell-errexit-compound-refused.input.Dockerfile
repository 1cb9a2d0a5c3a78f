# expect: SHELL runs with -e
FROM debian:bookworm
SHELL ["/bin/bash", "-e", "-c"]
RUN if true; then false; echo never; fi
RUN echo two
