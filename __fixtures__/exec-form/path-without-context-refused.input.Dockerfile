# expect: `/entrypoint.sh` may be a script without a `#!` line
FROM debian:bookworm
COPY entrypoint.sh /entrypoint.sh
CMD /entrypoint.sh
