# expect: `apt-get clean` not appended: the RUN may not run as root (the base image may set its own user)
FROM cimg/base:2023.01
RUN apt download hello
