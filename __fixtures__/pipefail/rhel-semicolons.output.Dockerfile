FROM fedora:40
RUN set -o pipefail && cd /tmp; curl -fsSL https://example.com/x.tgz | tar xz
