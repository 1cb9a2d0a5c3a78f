FROM debian:bookworm
RUN cd /src && make
RUN make test || true; echo done
RUN export PATH=/opt/bin:$PATH && tool --version
RUN echo last
