FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y build-essential zlib1g-dev
COPY . /usr/src/prog
WORKDIR /usr/src/prog
RUN make && make install
CMD ["prog", "--version"]

FROM debian:bookworm-slim
WORKDIR /usr/src/prog
COPY --from=build /usr/local/lib/libprog.so.1 /usr/local/lib/libprog.so.1
COPY --from=build /usr/local/bin/prog /usr/local/bin/prog
RUN ldconfig
CMD ["prog", "--version"]
