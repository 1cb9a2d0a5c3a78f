FROM rockylinux:9
RUN set -o pipefail && curl https://example.com/x 2>/dev/null | tar x
