FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libcurl4-openssl-dev libcurl4 && rm -rf /var/lib/apt/lists/*
COPY hello.c Makefile /usr/src/hello/
WORKDIR /usr/src/hello
RUN make && cp hello /usr/local/bin/hello
CMD ["hello"]
