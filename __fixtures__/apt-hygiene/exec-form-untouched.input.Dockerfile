# expect-none
FROM debian:bookworm
RUN ["apt-get", "install", "make"]
