# expect-none
FROM debian:bookworm
COPY app.tgz /tmp/
RUN tar -xzf /tmp/app.tgz -C /opt
