# expect: the stage's WORKDIR would become /opt for `docker run`
FROM debian:bookworm
RUN cd /opt && git clone https://example.com/repo.git
