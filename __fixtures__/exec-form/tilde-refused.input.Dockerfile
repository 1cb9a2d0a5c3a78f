# expect: has a `~` the shell may expand
FROM debian:bookworm
CMD ~/bin/start
