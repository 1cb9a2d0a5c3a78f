FROM rockylinux:9
RUN set -o pipefail && curl -fsSL https://example.com/x.tgz | tar xz -C /opt
