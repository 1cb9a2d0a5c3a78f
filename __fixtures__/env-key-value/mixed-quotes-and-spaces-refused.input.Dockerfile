# expect: the value mixes blanks with quotes or escapes
FROM alpine
ENV MSG say "hello world" now
