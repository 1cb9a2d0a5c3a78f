# expect-none
FROM debian:bookworm AS build
RUN git clone https://example.com/x.git && cd x && make
FROM scratch
