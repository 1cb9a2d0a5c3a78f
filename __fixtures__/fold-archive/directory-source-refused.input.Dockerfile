# expect: is a directory
FROM debian:bookworm
COPY app.tgz /tmp/app.tgz
RUN cp -r /tmp/app.tgz /opt/app && rm -r /tmp/app.tgz
