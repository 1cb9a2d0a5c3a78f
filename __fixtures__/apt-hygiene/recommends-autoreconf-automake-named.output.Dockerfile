FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y autoconf libtool automake && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cd /src && autoreconf -i && ./configure && make
