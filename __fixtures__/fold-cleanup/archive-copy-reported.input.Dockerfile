# expect: is deleted by the RUN at line 4, but still ships in the layer of the COPY at line 3
FROM debian:bookworm
COPY dist/app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
