# expect-none
FROM rockylinux:9
RUN set -euo pipefail && curl https://example.com/x | tar x
