# expect: changes shell state (`cd /src`)
FROM gcc:13
RUN cd /src && make
RUN make install
