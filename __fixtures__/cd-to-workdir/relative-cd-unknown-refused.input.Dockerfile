# expect: its directory is relative to a working directory that is not known
FROM mycorp/builder:1 AS build
RUN cd src && make
FROM scratch
