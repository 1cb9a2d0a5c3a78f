FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y build-essential zlib1g-dev
COPY . /usr/src/prog
WORKDIR /usr/src/prog
RUN make && make install
CMD ["prog", "--version"]

FROM gcr.io/distroless/base-debian12
WORKDIR /usr/src/prog
COPY --from=build /usr/local/bin/prog /usr/local/bin/prog
CMD ["prog", "--version"]
