# expect: the key `"my` has quotes
FROM alpine
LABEL "my key" value
