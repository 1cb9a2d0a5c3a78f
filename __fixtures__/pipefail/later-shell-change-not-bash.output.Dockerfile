# expect: /bin/sh is dash in `debian:bookworm`
FROM debian:bookworm
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl https://example.com/a | tar x
SHELL ["/bin/sh", "-c"]
RUN curl https://example.com/b | tar x
