FROM debian:bookworm
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
CMD ["myapp", "start"]
