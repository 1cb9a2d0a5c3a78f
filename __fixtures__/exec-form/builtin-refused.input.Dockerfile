# expect: `echo` is a shell builtin, not a program
FROM debian:bookworm
CMD echo hello
