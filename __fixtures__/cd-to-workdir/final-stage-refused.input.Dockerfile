# expect: the image (its WORKDIR
FROM debian:bookworm
RUN cd /opt && git clone https://example.com/repo.git
