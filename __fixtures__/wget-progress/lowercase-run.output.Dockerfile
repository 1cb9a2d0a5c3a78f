from debian:bookworm
run wget --progress=dot:giga https://example.com/x
