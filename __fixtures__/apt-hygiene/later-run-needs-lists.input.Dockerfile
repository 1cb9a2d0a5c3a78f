# expect: package lists not removed: a later RUN
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends make
RUN apt-get install -y --no-install-recommends gcc
