FROM ubuntu:22.04
RUN wget -O /tmp/x.tgz https://example.com/x.tgz && tar xzf /tmp/x.tgz
