# expect-none
FROM alpine
ONBUILD ENV A 1
