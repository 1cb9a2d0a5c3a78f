# expect: ends in a shell comment
FROM debian:bookworm
RUN make # build everything
RUN make install
