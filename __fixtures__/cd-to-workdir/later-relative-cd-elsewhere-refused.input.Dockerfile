# expect: line 4 (RUN) would then run in /src
FROM debian:bookworm
RUN cd /src && ./configure
RUN cd lib && make
