FROM debian:bookworm
WORKDIR /build
COPY app.tgz .
RUN tar -xzf app.tgz && rm app.tgz
