# The hand-written best rewrite (test/e2e/README.md): build in the Debian image, ship the program
# alone on distroless/base (glibc, no shell). zlib is linked statically (zlib1g-dev ships libz.a),
# so the runtime needs nothing distroless/base lacks.
FROM debian:bookworm AS build
RUN apt-get update && \
    apt-get install -y --no-install-recommends build-essential zlib1g-dev && \
    rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/zpack
COPY Makefile zpack.c zpack.1 ./
RUN make LDLIBS=-l:libz.a && make install DESTDIR=/out

FROM gcr.io/distroless/base-debian12
COPY --from=build /out/usr/local/bin/zpack /usr/local/bin/zpack
USER nonroot
CMD ["zpack", "--version"]
