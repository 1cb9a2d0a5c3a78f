# expect: changes the directory the cleanup runs in
FROM debian:bookworm
WORKDIR /build
RUN curl -fsSL -o tool.tgz https://example.com/tool.tgz && tar -xzf tool.tgz
WORKDIR /build
RUN rm tool.tgz
