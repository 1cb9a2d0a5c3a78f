FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y build-essential zlib1g-dev
COPY . /usr/src/prog
WORKDIR /usr/src/prog
RUN make && make install
CMD ["prog", "--version"]

FROM debian:bookworm-slim
WORKDIR /usr/src/prog
RUN apt-get update && apt-get install -y --no-install-recommends zlib1g && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/share/prog /usr/local/share/prog
COPY --from=build /usr/local/bin/prog /usr/local/bin/prog
CMD ["prog", "--version"]
