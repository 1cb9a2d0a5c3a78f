FROM debian:bookworm
RUN wget -q https://a.example/a && wget https://b.example/b
