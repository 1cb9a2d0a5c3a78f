# expect: deleted through a folder or pattern, which would fail on a mount
FROM debian:bookworm
COPY app.tgz /tmp/
RUN tar -xzf /tmp/app.tgz -C /opt && rm -rf /tmp/*
