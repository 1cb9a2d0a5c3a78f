FROM debian:bookworm
USER app
RUN make
USER app
RUN make install
