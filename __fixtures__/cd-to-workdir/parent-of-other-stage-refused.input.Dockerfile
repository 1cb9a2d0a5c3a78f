# expect: the image (its WORKDIR
FROM debian:bookworm AS base
RUN cd /opt && git clone https://example.com/repo.git
FROM base
RUN ls /opt
