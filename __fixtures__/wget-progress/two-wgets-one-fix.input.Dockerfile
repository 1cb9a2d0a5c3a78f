FROM debian:bookworm
RUN wget https://a.example/a && \
    wget https://b.example/b
