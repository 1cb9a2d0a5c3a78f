# expect: /bin/sh is dash in `debian:bookworm`, which has no pipefail
FROM debian:bookworm
RUN curl -fsSL https://example.com/x.tgz | tar xz
