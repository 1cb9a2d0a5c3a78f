# expect-none
FROM debian:bookworm
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN curl https://example.com | sh
