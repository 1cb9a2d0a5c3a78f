# expect: a bind mount keeps the file's own owner and mode
FROM debian:bookworm
COPY --chown=app:app app.tgz /tmp/
RUN tar -xzf /tmp/app.tgz -C /opt && rm /tmp/app.tgz
