# expect: changes the environment the cleanup would run in
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get clean
