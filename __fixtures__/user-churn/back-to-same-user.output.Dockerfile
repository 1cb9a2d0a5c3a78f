FROM debian:bookworm
USER app
RUN make
RUN make install
