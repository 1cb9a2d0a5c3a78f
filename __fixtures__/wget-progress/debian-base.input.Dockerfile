FROM debian:bookworm
RUN wget https://example.com/file.tar.gz
