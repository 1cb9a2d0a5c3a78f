# expect-none
FROM debian:bookworm
RUN apt-get update && apt-get install -yq --no-install-recommends make && apt-get install --yes --no-install-recommends gcc && apt-get -qq install --no-install-recommends g++ && rm -rf /var/lib/apt/lists/*
