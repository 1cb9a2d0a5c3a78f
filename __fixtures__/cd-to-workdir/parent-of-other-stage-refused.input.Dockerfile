# expect: the stage's WORKDIR would become /opt for `docker run`
FROM debian:bookworm AS base
RUN cd /opt && git clone https://example.com/repo.git
FROM base
RUN ls /opt
