# expect: has a pipe this tool cannot read (ONBUILD)
FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
ONBUILD RUN curl https://example.com/a | sh
RUN curl https://example.com/b | tar x
