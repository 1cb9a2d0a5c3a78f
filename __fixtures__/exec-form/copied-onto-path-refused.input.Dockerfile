# expect: `tool` may be a script without a `#!` line, which only a shell can run (line 3 may put it on the PATH)
FROM debian:bookworm
COPY tool /usr/local/bin/tool
CMD tool --serve
