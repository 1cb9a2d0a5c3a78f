# expect-none
FROM debian:bookworm
WORKDIR /build
RUN curl -fsSL -o tool.tgz https://example.com/tool.tgz && tar -xzf tool.tgz
WORKDIR /app
RUN rm -f tool.tgz
