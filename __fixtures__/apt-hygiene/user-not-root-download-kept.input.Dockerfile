# expect: `apt-get clean` not appended: the RUN runs as a USER that is not root
FROM debian:bookworm
USER dev
WORKDIR /home/dev
RUN apt download hello
