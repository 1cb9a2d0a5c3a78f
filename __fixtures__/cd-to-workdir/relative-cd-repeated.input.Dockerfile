FROM debian:bookworm AS build
RUN git clone https://example.com/miner.git /miner
RUN cd miner && ./autogen.sh
RUN cd miner && ./configure
RUN cd miner && make
FROM scratch
