FROM debian:bookworm
RUN wget --progress=dot:giga https://a.example/a && \
    wget --progress=dot:giga https://b.example/b
