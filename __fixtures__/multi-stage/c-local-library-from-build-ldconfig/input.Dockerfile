FROM debian:bookworm
RUN apt-get update && apt-get install -y build-essential zlib1g-dev
COPY . /usr/src/prog
WORKDIR /usr/src/prog
RUN make && make install
CMD ["prog", "--version"]
