# expect-none
FROM alpine
ENV A=1 B="two words"
LABEL a=b
