# expect: `yes | …` ends with SIGPIPE
FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN yes | ./configure
RUN curl -fsSL https://example.com/x.tgz | tar xz
