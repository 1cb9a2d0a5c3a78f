# expect-none
FROM debian:bookworm
ONBUILD RUN cd /src && make
