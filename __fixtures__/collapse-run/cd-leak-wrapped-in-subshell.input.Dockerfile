FROM gcc:13
WORKDIR /work
RUN cd /src && make
RUN make install
