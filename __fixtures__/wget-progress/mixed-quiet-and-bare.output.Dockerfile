FROM debian:bookworm
RUN wget -q https://a.example/a && wget --progress=dot:giga https://b.example/b
