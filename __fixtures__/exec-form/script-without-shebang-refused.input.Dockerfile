# expect: `noshebang.sh` is neither a binary nor a script with a `#!` line
FROM debian:bookworm
COPY noshebang.sh /start.sh
CMD /start.sh
