# expect: changes shell state (`cd /src`)
FROM gcc:13
RUN echo start
RUN cd /src
RUN make install
