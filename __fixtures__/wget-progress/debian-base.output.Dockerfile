FROM debian:bookworm
RUN wget --progress=dot:giga https://example.com/file.tar.gz
