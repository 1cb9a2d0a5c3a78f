# expect: installs without `apt-get update` in the same RUN
FROM debian:bookworm
RUN apt-get install -y --no-install-recommends curl
