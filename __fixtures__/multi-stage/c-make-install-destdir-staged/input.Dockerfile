FROM debian:bookworm
RUN apt-get update && apt-get install -y build-essential
WORKDIR /src
COPY Makefile tool.c ./
RUN make LDFLAGS=-static && make install DESTDIR=/stage PREFIX=/usr/local
ENV PATH=/stage/usr/local/bin:$PATH
CMD ["tool", "--version"]
