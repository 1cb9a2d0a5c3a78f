# expect: line 4 (RUN) would then run in /src
FROM debian:bookworm
RUN cd /src && make
RUN make install
