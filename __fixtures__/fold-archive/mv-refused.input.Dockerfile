# expect: `mv` would replace or delete the file
FROM debian:bookworm
COPY app.tgz /tmp/
RUN mv /tmp/app.tgz /tmp/x.tgz && tar -xzf /tmp/x.tgz -C /opt && rm /tmp/app.tgz /tmp/x.tgz
