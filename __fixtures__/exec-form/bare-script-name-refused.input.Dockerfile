# expect: `run.sh` may be a script without a `#!` line
FROM debian:bookworm
CMD run.sh
