# expect: installs without `apt-get update` in the same RUN
FROM debian:bookworm
RUN apt-get update
COPY packages.txt /tmp/
RUN apt-get install make
