FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libcurl4-openssl-dev libcurl4 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY fetch.c .
RUN gcc -O2 -o /usr/local/bin/fetch fetch.c -lcurl
CMD ["/usr/local/bin/fetch"]

FROM debian:bookworm-slim
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends libcurl4 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/fetch /usr/local/bin/fetch
CMD ["/usr/local/bin/fetch"]
