# expect: installs without its own `apt-get update` and needs the lists in the image
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get install -y --no-install-recommends git
