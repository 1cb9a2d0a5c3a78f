FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libcurl4-openssl-dev libcurl4 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY fetch.c .
RUN gcc -O2 -o /usr/local/bin/fetch fetch.c -lcurl
CMD ["/usr/local/bin/fetch"]
