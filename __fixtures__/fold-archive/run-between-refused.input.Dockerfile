# expect: the RUN at line 4 runs between the copy and its use
FROM debian:bookworm
COPY app.tgz /tmp/
RUN make -C /src
RUN tar -xzf /tmp/app.tgz -C /opt && rm /tmp/app.tgz
