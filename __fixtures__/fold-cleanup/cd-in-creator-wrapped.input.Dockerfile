FROM gcc:13
RUN git clone https://example.com/lib.git /usr/src/lib && cd /usr/src/lib && make && make install
RUN rm -rf /usr/src/lib
