# expect: has a pipe this tool cannot read
FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN <<EOF
curl https://example.com/a | tar x
EOF
RUN set -o pipefail && curl https://example.com/b | tar x
