FROM debian:bookworm
RUN apt-get update && apt-get install -y autoconf libtool
COPY . /src
RUN cd /src && autoreconf -i && ./configure && make
