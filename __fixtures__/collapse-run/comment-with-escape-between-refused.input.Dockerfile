# expect: a comment between them holds the escape character
FROM debian:bookworm
RUN make
# see C:\docs\build.txt
RUN make install
