FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY hello.c .
RUN gcc -O2 -static -o /usr/local/bin/hello hello.c
CMD ["/usr/local/bin/hello"]

FROM debian:bookworm-slim
WORKDIR /src
COPY --from=build /usr/local/bin/hello /usr/local/bin/hello
CMD ["/usr/local/bin/hello"]
