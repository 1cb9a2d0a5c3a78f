FROM debian:bookworm
COPY app.tgz /tmp/app.tgz
RUN mkdir -p /tmp/build && tar -xzf /tmp/app.tgz -C /tmp/build && make -C /tmp/build install \
    && rm -rf /tmp/app.tgz /tmp/build
