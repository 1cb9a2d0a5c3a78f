# expect: its shared libraries are unknown
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Makefile main.c ./
RUN make
CMD ["/src/main"]
