# expect-none
FROM debian:bookworm
RUN xargs apt-get install < /tmp/packages.txt
