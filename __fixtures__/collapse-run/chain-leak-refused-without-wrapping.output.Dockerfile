# expect: changes shell state (`cd /src`)
FROM gcc:13
RUN echo start && \
    cd /src
RUN make install
