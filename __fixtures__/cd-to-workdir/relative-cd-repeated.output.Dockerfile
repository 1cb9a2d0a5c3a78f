FROM debian:bookworm AS build
RUN git clone https://example.com/miner.git /miner
WORKDIR /miner
RUN ./autogen.sh
RUN ./configure
RUN make
FROM scratch
