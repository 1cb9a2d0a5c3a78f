# expect-none
FROM rockylinux:9
# dockopt ignore=pipefail
RUN curl https://example.com/x | sh
