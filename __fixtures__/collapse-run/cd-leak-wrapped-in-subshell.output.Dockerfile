FROM gcc:13
WORKDIR /work
RUN (cd /src && make) && \
    make install
